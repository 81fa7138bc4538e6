"""The embedded creative director: talks with the marketer and plans the ad, offline.

Modules, one concept each:
  text          wording helpers (split, join, stable choice)
  lexicon       tone and style vocabulary, with synonyms and ambiguity
  colours       colour words ↔ hex
  audience      recognising audiences; casting a persona for shots
  category      what kind of product it is, and what that means on screen
  claims        the claims an ad may only make when the brief makes them
  questions     how the director asks for each field, and recognises a question
  messages      splitting key messages
  findings      what one turn says, with the words already read blanked out
  names         telling a product's name from the words that describe it
  product       reading the product: its name, and what it is
  turn          one user turn → brief fields
  extraction    conversation → brief
  suggestions   defaults when the marketer delegates
  conversation  the next assistant turn
  families      the library of style families
  moods         choosing and writing three distinct moods
  durations     splitting 30 s exactly
  storyboard    the scene plan
  director      `LocalDirector`, the async Protocol shell
"""

from app.providers.local.director.director import LocalDirector

__all__ = ["LocalDirector"]
