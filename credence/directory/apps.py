from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "credence.directory"
    label = "directory"
    verbose_name = "Directory context"
