import factory
from django.core.files.base import ContentFile

from portevoix.campaigns.models import Audience, Campaign, Resource, SuggestedAction


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    slug = factory.Sequence(lambda n: f"campagne-{n}")
    status = Campaign.Status.ACTIVE
    organization_name_fr = "Conseil canadien de test"
    organization_name_en = "Canadian Test Council"
    title_fr = factory.Sequence(lambda n: f"Familles réunies {n}")
    title_en = factory.Sequence(lambda n: f"Families together {n}")
    ask_fr = "Délivrer des permis de séjour temporaire aux familles."
    ask_en = "Issue temporary resident permits to families."
    background_fr = "Les familles attendent séparées."
    background_en = "Families wait apart."


class SuggestedActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SuggestedAction

    campaign = factory.SubFactory(CampaignFactory)
    audience = Audience.INDIVIDUALS
    key = factory.Sequence(lambda n: f"action-{n}")
    title_fr = factory.Sequence(lambda n: f"Action numéro {n}")
    title_en = factory.Sequence(lambda n: f"Action number {n}")
    summary_fr = "Quelques minutes suffisent."
    summary_en = "It takes a few minutes."


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource

    campaign = factory.SubFactory(CampaignFactory)
    language = "fr"
    title = factory.Sequence(lambda n: f"Fiche {n}")
    file = factory.LazyFunction(lambda: ContentFile(b"contenu", name="fiche.txt"))
