"""Readers that turn input files into Articles, recording every record they cannot use as a Skip."""
