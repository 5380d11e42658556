from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "credence.imports"
    label = "imports"
