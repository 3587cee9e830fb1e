app_name = "endorsements"

urlpatterns = []
