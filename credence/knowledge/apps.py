from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "credence.knowledge"
    label = "knowledge"
    verbose_name = "Knowledge"
