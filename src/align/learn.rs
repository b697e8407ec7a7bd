//! Learning word translations from the input (IBM Model 1): coming next.
