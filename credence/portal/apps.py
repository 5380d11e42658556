from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "credence.portal"
    label = "portal"
