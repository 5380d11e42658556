from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "credence.notify"
    label = "notify"
    verbose_name = "Clock notices"
