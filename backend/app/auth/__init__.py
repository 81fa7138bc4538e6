"""Accounts (`AUTH_ENABLED=true`): who is asking, proven by a bearer token.

- `passwords`: argon2id hashes of account passwords.
- `tokens`: access tokens (JWT, HS256 with `AUTH_SECRET`) and API tokens (random, kept hashed).
- `accounts`: register, sign in, and the API tokens of a user, in the database.
- `identify`: the bearer token of a request → its user (what `app.deps.current_user_id` asks).
- `owner`: the user a request (and the jobs it starts) works for, for the code that mints media
  links without being handed a user.
- `media_links`: media URLs signed for their owner, since `<img>` and `<video>` send no header.

With accounts off none of this runs: every request is the local user's, media links unsigned.
"""
