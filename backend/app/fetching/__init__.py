"""Outbound fetching under one policy.

    policy.py     which URLs may be fetched at all (pure)
    addresses.py  which hosts and addresses are public (pure)
"""
