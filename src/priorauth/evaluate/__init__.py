"""Facts + policy pack -> the determination (criteria, advisories, monitoring, documents, codes)."""
