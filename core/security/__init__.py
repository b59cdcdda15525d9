"""Locked doors: sign-in lockout (django-axes), idle sessions, no-store caching, admin-issued password resets."""
