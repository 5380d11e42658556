from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "credence.review"
    label = "review"
