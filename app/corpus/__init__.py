"""The corpus layer: article claims matched across articles, actor-graph analytics, exports, SVG."""
