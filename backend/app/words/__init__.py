"""The ad's words: on-screen titles, the spoken voiceover, captions and the end card."""
