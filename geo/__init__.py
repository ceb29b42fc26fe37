"""Articles to dated, geolocated strike and attack events (see the issues for status)."""
