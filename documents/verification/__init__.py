"""The public verification of an issued document: /xac-minh/<token>/ (the QR code) and /xac-minh/ (the short code
typed by hand), without login, rate-limited, showing only what the document's kind chooses to confirm."""
