"""checker: policy-as-code compliance for UK public services."""

__version__ = "0.1.0"
