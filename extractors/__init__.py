"""Plain-Python pipeline stages of medfacts: load, clean, ner, relations, normalize, tables.

Each module takes records (or text) in and gives records out; none imports Prefect, so every
stage can be tested and reused without an orchestrator.
"""
