"""The link-analysis HTTP API (``consignet serve``): FastAPI over the store's analysis reads."""
