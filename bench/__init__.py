"""Benchmarks printed by ``make bench``."""
