"""The decisions wing's documents (registered with documents.registry when imported from AwardsConfig.ready()):
the chairman's decision, each award's Giấy khen certificate (on plain paper or on the ward's pre-printed blank),
the layout's test print and the merged print of all a decision's certificates."""

from awards.decisions.papers import blank, certificate, decision  # noqa: F401  (each registers its kinds)
