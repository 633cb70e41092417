"""Bundled data files (fonts, translations, icons), loaded through importlib.resources."""
