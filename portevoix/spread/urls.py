app_name = "spread"

urlpatterns = []
