import factory
from django.utils import timezone

from portevoix.campaigns.factories import CampaignFactory
from portevoix.endorsements.models import Endorsement, Invitation, Organization, Sector
from portevoix.privacy.actions import record_consent
from portevoix.privacy.models import Purpose
from portevoix.spread.models import Referrer


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Centre d'accueil numéro {n}")
    sector = Sector.SETTLEMENT
    region = "ON"
    website = "https://accueil.example"
    contact_name = "Marie Tremblay"
    contact_email = factory.Sequence(lambda n: f"contact{n}@accueil.example")


class EndorsementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Endorsement
        skip_postgeneration_save = True

    campaign = factory.SubFactory(CampaignFactory)
    organization = factory.SubFactory(OrganizationFactory)
    statement = "Les familles doivent attendre ensemble."
    statement_language = "fr"
    language = "fr"
    status = Endorsement.Status.APPROVED

    @factory.post_generation
    def listed_publicly(endorsement, create, extracted, **kwargs):
        """Listed unless told otherwise: the contact's consent to be listed is recorded."""
        if create and extracted is not False:
            record_consent(
                email=endorsement.organization.contact_email,
                purpose=Purpose.LIST_PUBLICLY,
                wording="Inscrire notre organisme sur la liste publique.",
                language=endorsement.language,
                campaign=endorsement.campaign,
                source=endorsement.consent_source(),
            )


class ReferrerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Referrer

    campaign = factory.SubFactory(CampaignFactory)
    kind = Referrer.Kind.ORGANIZATION
    name = factory.Sequence(lambda n: f"Clinique juridique {n}")
    email = factory.Sequence(lambda n: f"inviter{n}@clinique.example")
    email_confirmed_at = factory.LazyFunction(timezone.now)
    language = "fr"


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    referrer = factory.SubFactory(ReferrerFactory)
    campaign = factory.SelfAttribute("referrer.campaign")
    sector = Sector.HEALTH
    language = "fr"
    method = Invitation.Method.PLATFORM
    to_email = factory.Sequence(lambda n: f"invited{n}@sante.example")
    subject = "Invitation"
    body = "Bonjour, appuyez la demande."
    status = Invitation.Status.SENT
