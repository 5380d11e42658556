from django.apps import AppConfig


class MetricsConfig(AppConfig):
    name = "credence.metrics"
    label = "metrics"
