"""Chat with the creative director, in the AI SDK's UI message shape."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.models import examples
from app.models.creative_brief import BriefFields

ChatRole = Literal["system", "user", "assistant"]
MAX_MESSAGES = 200
MAX_MESSAGE_CHARS = 8000


class ChatMessage(BaseModel):
    """One turn of the conversation, reduced to what the director reads."""

    role: ChatRole
    content: str = Field(max_length=MAX_MESSAGE_CHARS)


class UIMessagePart(BaseModel):
    model_config = ConfigDict(extra="allow")

    type: str = Field(max_length=100)
    text: str | None = Field(default=None, max_length=MAX_MESSAGE_CHARS)


class UIMessage(BaseModel):
    """A message as `useChat` sends it: `parts`, or a plain `content` from older clients."""

    model_config = ConfigDict(extra="allow")

    id: str | None = Field(default=None, max_length=200)
    role: ChatRole
    parts: list[UIMessagePart] = Field(default_factory=list, max_length=100)
    content: str | None = Field(default=None, max_length=MAX_MESSAGE_CHARS)

    def to_chat_message(self) -> ChatMessage:
        texts = [part.text for part in self.parts if part.type == "text" and part.text]
        text = "".join(texts) if texts else (self.content or "")
        return ChatMessage(role=self.role, content=text[:MAX_MESSAGE_CHARS])


class ChatRequest(BaseModel):
    """The body `useChat` posts: `{id, messages, trigger, ...}`."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra=examples.schema_examples({"id": "chat-1", "messages": examples.MESSAGES}),
    )

    id: str | None = Field(default=None, max_length=200)
    messages: list[UIMessage] = Field(min_length=1, max_length=MAX_MESSAGES)
    creative_brief: BriefFields | None = None
    """The brief as the studio shows it when the message is sent, fields typed by hand
    included. The director starts from it and changes a field only when the latest message
    asks; without it, the brief is read from the conversation alone."""

    def chat_messages(self) -> list[ChatMessage]:
        return [message.to_chat_message() for message in self.messages]


class BriefRequest(BaseModel):
    model_config = ConfigDict(
        json_schema_extra=examples.schema_examples({"messages": examples.MESSAGES})
    )

    messages: list[UIMessage] = Field(min_length=1, max_length=MAX_MESSAGES)
    creative_brief: BriefFields | None = None
    """The brief the studio shows, as for the chat: the reading starts from it."""

    def chat_messages(self) -> list[ChatMessage]:
        return [message.to_chat_message() for message in self.messages]
