"""Small object graphs for letter tests, independent of the reference data."""

import datetime

import factory
from django.utils import timezone

from portevoix.campaigns.factories import CampaignFactory
from portevoix.letters.demo_letters import LETTERS
from portevoix.letters.models import WRITTEN_STATES, Letter, LetterTemplate
from portevoix.representatives.models import (
    FEDERAL_BOUNDARY_SET,
    District,
    OfficeHolder,
    PostalCode,
    Representative,
)

AS_OF = datetime.date(2025, 6, 1)


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    level = District.Level.FEDERAL
    number = factory.Sequence(lambda n: f"24{n:03d}")
    name_fr = factory.Sequence(lambda n: f"Rivière-des-Œillets {n}")
    name_en = factory.Sequence(lambda n: f"Rivière-des-Œillets {n}")
    province = "QC"
    boundary_set = FEDERAL_BOUNDARY_SET
    source = "test"
    as_of = AS_OF


class RepresentativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Representative

    name = factory.Sequence(lambda n: f"Hélène Député {n}")
    first_name = "Hélène"
    last_name = factory.Sequence(lambda n: f"Député {n}")
    gender = "f"
    party = "Indépendant"
    email = factory.Sequence(lambda n: f"helene.depute{n}@parl.gc.ca")
    district = factory.SubFactory(DistrictFactory)
    source = "test"
    as_of = AS_OF


class MinisterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfficeHolder
        django_get_or_create = ("role", "province")

    role = OfficeHolder.Role.FEDERAL_IMMIGRATION_MINISTER
    province = ""
    title_fr = "Ministre de l'Immigration, des Réfugiés et de la Citoyenneté"
    title_en = "Minister of Immigration, Refugees and Citizenship"
    name = "L'hon. Lena Exemple"
    gender = "f"
    email = "minister@cic.example"
    mailing_address = "365, avenue Laurier Ouest\nOttawa (Ontario)  K1A 1L1"
    source = "test"
    as_of = AS_OF


class PremierFactory(MinisterFactory):
    role = OfficeHolder.Role.PREMIER
    province = "QC"
    title_fr = "Premier ministre du Québec"
    title_en = "Premier of Quebec"
    name = "Jean Exemple"
    gender = "m"
    email = "premier@quebec.example"
    mailing_address = "835, boulevard René-Lévesque Est\nQuébec (Québec)  G1A 1B4"


def postal_code_for(district, code="H2X1Y4"):
    PostalCode.objects.create(code=code, district=district, source="test", as_of=AS_OF)
    return code


def template_values(key):
    return next(values for values in LETTERS if values["key"] == key)


class LetterTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LetterTemplate
        django_get_or_create = ("campaign", "key")

    campaign = factory.SubFactory(CampaignFactory)
    key = "ind-write-mp"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        values = {**template_values(kwargs["key"]), **kwargs}
        return super()._create(model_class, *args, **values)


class LetterFactory(factory.django.DjangoModelFactory):
    """A letter ready to send: addressed, signed, written."""

    class Meta:
        model = Letter

    template = factory.SubFactory(LetterTemplateFactory)
    campaign = factory.SelfAttribute("template.campaign")
    language = "fr"
    sender_name = "Amélie Côté"
    sender_email = factory.Sequence(lambda n: f"amelie{n}@example.org")
    postal_code = "H2X1Y4"
    riding_name = "Laurier—Sainte-Marie"
    to_name = "Hélène Député"
    to_title = "Députée (Laurier—Sainte-Marie)"
    to_gender = "f"
    to_email = factory.Sequence(lambda n: f"depute{n}@parl.gc.ca")
    to_address = "Chambre des communes\nOttawa (Ontario)  K1A 0A6"
    subject = "Réunir les familles : « maintenant »"
    body = (
        "Madame la Députée,\n\nLes familles attendent, et leur cœur aussi.\n\n"
        "Je vous prie d'agréer mes salutations distinguées."
    )
    status = Letter.Status.DRAFT
    # As the flow leaves a letter in its state (see Letter.Meta): confirmed once written, a
    # next attempt while queued, a claim while sending.
    confirmed_at = factory.LazyAttribute(
        lambda letter: timezone.now() if letter.status in WRITTEN_STATES else None
    )
    next_attempt_at = factory.LazyAttribute(
        lambda letter: timezone.now() if letter.status == Letter.Status.QUEUED else None
    )
    claimed_at = factory.LazyAttribute(
        lambda letter: timezone.now() if letter.status == Letter.Status.SENDING else None
    )
