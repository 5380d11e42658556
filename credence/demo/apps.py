from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "credence.demo"
    label = "demo"
