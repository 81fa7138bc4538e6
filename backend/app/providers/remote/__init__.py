"""Remote providers: GPT-4o through the `openai` client, media models through `replicate`.

Modules, one concept each:
  pricing              price table arithmetic (pure)
  backoff              retry waits: jittered exponential, `Retry-After` honoured (pure)
  model_inputs         our roles → a Replicate model's inputs; durations, aspect ratios (pure)
  replicate_client     the official client, built from settings; its errors, translated
  creates              a POST that creates (retried; undone if its caller is called off)
  predictions          create → poll → succeeded, or cancel on any other exit
  uploads              input files through the files API, deleted when the prediction ends
  replicate_runner     one model: concurrency cap, uploads, prediction, cost, download + checks
  replicate_images     `ImageProvider` (default black-forest-labs/flux-schnell)
  replicate_motion     `MotionProvider` (default kwaivgi/kling-v2.1)
  replicate_music      `MusicProvider` (default meta/musicgen)
  openai_client        the official client, built from settings; its errors, translated
  director_schema      what GPT-4o is asked to fill, and the repairs before validation (pure)
  director_prompts     the director's instructions and messages (pure)
  openai_director      `Director` (default gpt-4o)
"""
