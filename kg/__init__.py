"""kg: a knowledge-graph builder for Chinese investment-promotion news."""

__version__ = "0.1.0"
