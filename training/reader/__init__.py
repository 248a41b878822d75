"""Readers for files the C# side writes for training (the sentence encoder's token states)."""
