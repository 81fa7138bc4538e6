"""Workers: clip, music and compose steps run as Celery tasks on Redis (`JOB_BACKEND=celery`).

    API ──job row (DB)──▶ ──task (Redis list)──▶ worker ── step code (`clip_service`,
     ▲                                              │      `composition_service`) ──▶ media store
     │                                              ├─▶ checkpoints, the job's end (DB)
     └── mirror ◀── hash + pub/sub (Redis) ◀────────┘   each clip's progress and end

The API creates the job row and its steps' tasks (`enqueue`); a worker takes one step, reads its
checkpoint first (finished: nothing to do; a prediction in flight: re-attach), runs the same
step function the API runs in process, and reports each change to Redis (`progress`). The
worker that finishes a job's last clip concludes the job in one locked transaction
(`conclusion`), recording it in its project there too, so a job ends once and is recorded once
even while the API is down. The API follows it all in its own `JobTracker` (`mirror`): polling,
event streams and end-of-job listeners work as with jobs it runs itself.

A task is acknowledged after it ran (`acks_late`); a worker killed mid-step leaves it unacked in
Redis, which hands it out again once `CELERY_VISIBILITY_TIMEOUT_SECONDS` have passed.
"""
