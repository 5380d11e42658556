from django.apps import AppConfig


class WorkersConfig(AppConfig):
    name = "credence.workers"
    label = "workers"
    verbose_name = "Directory"
