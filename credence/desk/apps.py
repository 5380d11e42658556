from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "credence.desk"
    label = "desk"
