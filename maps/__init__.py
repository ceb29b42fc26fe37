"""Layered interactive maps of strike and attack events."""
