"""Test support: throwaway databases, factories, page helpers."""
