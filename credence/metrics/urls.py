from django.urls import path

from credence.metrics import views

app_name = "metrics"

urlpatterns = [
    path("", views.period, name="period"),
]
