"""Mixwright's reference-mixing style-transfer model: data, differentiable console, model, training, export."""
