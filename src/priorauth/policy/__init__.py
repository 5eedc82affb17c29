"""Policy packs: the clinical rules as versioned, validated YAML data (``packs/*.yaml``)."""
