from django.apps import AppConfig


class PublishConfig(AppConfig):
    name = "credence.publish"
    label = "publish"
    verbose_name = "Monthly publication"
