from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "credence.catalog"
    label = "catalog"
    verbose_name = "Request catalog"
