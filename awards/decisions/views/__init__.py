"""The decisions wing's pages: the chairman's (chairman.py) and the decision register (register.py)."""
