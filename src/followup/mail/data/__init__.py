"""Packaged training data for the naive Bayes second opinion (a package so wheels ship it)."""
