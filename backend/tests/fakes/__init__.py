"""In-repo fakes of the OpenAI and Replicate HTTP APIs, served on 127.0.0.1 for the real SDKs."""
