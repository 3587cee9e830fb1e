app_name = "representatives"

urlpatterns = []
