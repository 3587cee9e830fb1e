"""Electoral districts, the people elected in them, and the office holders a campaign targets.

Every record keeps where its data came from (`source`) and the date that data is true of
(`as_of`). Imports never overwrite a record a staff member corrected: they store what they
would have changed in `pending_changes` so staff can review it.
"""

import unicodedata
from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override, pgettext

from portevoix.lib.i18n import Bilingual

STALE_AFTER = timedelta(days=90)
FEDERAL_BOUNDARY_SET = "federal-electoral-districts-2023-representation-order"

PROVINCES = [
    ("AB", _("Alberta")),
    ("BC", _("British Columbia")),
    ("MB", _("Manitoba")),
    ("NB", _("New Brunswick")),
    ("NL", _("Newfoundland and Labrador")),
    ("NS", _("Nova Scotia")),
    ("NT", _("Northwest Territories")),
    ("NU", _("Nunavut")),
    ("ON", _("Ontario")),
    ("PE", _("Prince Edward Island")),
    ("QC", _("Quebec")),
    ("SK", _("Saskatchewan")),
    ("YT", _("Yukon")),
]
PROVINCE_CODES = [code for code, _label in PROVINCES]


def search_key(*texts):
    """Lower case, accents and punctuation dropped: what a person types matches what is stored."""
    # Apostrophes vanish rather than split words: "St. John's" is found as "johns".
    joined = " ".join(text for text in texts if text).replace("'", "").replace("’", "")
    decomposed = unicodedata.normalize("NFKD", joined.replace("œ", "oe").replace("Œ", "oe"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    words = "".join(c if c.isalnum() else " " for c in plain)
    return " ".join(words.split())


class Gender(models.TextChoices):
    FEMALE = "f", _("Woman")
    MALE = "m", _("Man")
    UNKNOWN = "", _("Unknown (inclusive forms are used)")


class Provenance(models.Model):
    """Fields every imported record shares: where it came from and how fresh it is."""

    source = models.CharField(_("source"), max_length=200)
    as_of = models.DateField(_("data as of"))
    staff_corrected_at = models.DateTimeField(
        _("corrected by staff"),
        null=True,
        blank=True,
        help_text=_("Imports never overwrite a corrected record; they report the difference."),
    )
    pending_changes = models.JSONField(
        _("what the last import would have changed"), default=dict, blank=True
    )
    imported_at = models.DateTimeField(_("last imported"), null=True, blank=True)

    class Meta:
        abstract = True

    def is_stale(self, today=None):
        today = today or timezone.localdate()
        return self.as_of < today - STALE_AFTER


class DistrictQuerySet(models.QuerySet):
    def federal(self):
        return self.filter(level=District.Level.FEDERAL, boundary_set=FEDERAL_BOUNDARY_SET)

    def provincial(self, province=None):
        districts = self.filter(level=District.Level.PROVINCIAL)
        return districts.filter(province=province) if province else districts


class District(Provenance):
    class Level(models.TextChoices):
        FEDERAL = "federal", _("Federal")
        PROVINCIAL = "provincial", _("Provincial or territorial")

    level = models.CharField(_("level"), max_length=10, choices=Level)
    number = models.CharField(_("official number"), max_length=100)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    province = models.CharField(_("province or territory"), max_length=2, choices=PROVINCES)
    boundary_set = models.CharField(
        _("representation order or boundary set"),
        max_length=100,
        help_text=_("e.g. federal-electoral-districts-2023-representation-order"),
    )
    ocd_id = models.CharField(_("Open Civic Data id"), max_length=200, blank=True)
    search_text = models.TextField(editable=False, blank=True)
    # Set by `import_boundaries` only, never made up: see geo.outline_for for the coordinates.
    outline = models.TextField(
        _("outline for maps"),
        blank=True,
        editable=False,
        help_text=_("A simplified SVG path on the Canada Lambert plane, from boundary files."),
    )
    outline_box = models.JSONField(
        _("outline bounding box"), default=list, blank=True, editable=False
    )

    name = Bilingual()

    objects = DistrictQuerySet.as_manager()

    class Meta:
        ordering = ["level", "province", "name_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["level", "boundary_set", "number"], name="unique_district_number"
            ),
        ]
        verbose_name = _("electoral district")
        verbose_name_plural = _("electoral districts")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_text = search_key(self.name_fr, self.name_en)
        super().save(*args, **kwargs)

    def current_representative(self):
        serving = [rep for rep in self.representatives.all() if rep.retired_at is None]
        return serving[0] if serving else None


class RepresentativeQuerySet(models.QuerySet):
    def serving(self):
        return self.filter(retired_at__isnull=True)


class Representative(Provenance):
    name = models.CharField(_("name"), max_length=200, blank=True)
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    gender = models.CharField(
        _("form of address"),
        max_length=1,
        choices=Gender,
        blank=True,
        help_text=_(
            "Used for the French forms of address (Madame la députée, Monsieur le député)."
        ),
    )
    party = models.CharField(_("party"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        related_name="representatives",
        verbose_name=_("district"),
    )
    elected_office = models.CharField(_("elected office"), max_length=50, default="MP")
    offices = models.JSONField(
        _("offices"),
        default=list,
        blank=True,
        help_text=_('A list of {"type", "postal", "tel", "fax"}.'),
    )
    photo_url = models.URLField(_("photo address"), max_length=500, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=2,
        blank=True,
        choices=[("fr", _("French")), ("en", _("English"))],
    )
    retired_at = models.DateField(
        _("no longer serving since"),
        null=True,
        blank=True,
        help_text=_("Kept, not deleted: letters written to them still point here."),
    )
    search_text = models.TextField(editable=False, blank=True)
    import_key = models.CharField(max_length=200, blank=True, editable=False)

    objects = RepresentativeQuerySet.as_manager()

    class Meta:
        ordering = ["district__name_en", "last_name", "name"]
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_text = search_key(self.name)
        super().save(*args, **kwargs)

    def is_retired(self):
        return self.retired_at is not None

    def is_mp(self):
        return self.district.level == District.Level.FEDERAL

    def mailing_address(self):
        for office in self.offices or []:
            if office.get("postal"):
                return office["postal"]
        if self.is_mp():
            return str(_("House of Commons, Ottawa ON  K1A 0A6"))
        return ""

    def phones(self):
        return [office["tel"] for office in self.offices or [] if office.get("tel")]

    def title_for(self, language):
        with override(language):
            riding = self.district.name
            if self.is_mp():
                return _mp_title(self.gender) % {"riding": riding}
            return _member_title(self.gender) % {"riding": riding}


def _mp_title(gender):
    if gender == Gender.FEMALE:
        return pgettext("woman", "Member of Parliament for %(riding)s")
    if gender == Gender.MALE:
        return pgettext("man", "Member of Parliament for %(riding)s")
    return pgettext("unknown gender", "Member of Parliament for %(riding)s")


def _member_title(gender):
    if gender == Gender.FEMALE:
        return pgettext("woman", "Member of the legislature for %(riding)s")
    if gender == Gender.MALE:
        return pgettext("man", "Member of the legislature for %(riding)s")
    return pgettext("unknown gender", "Member of the legislature for %(riding)s")


class OfficeHolderQuerySet(models.QuerySet):
    def federal_immigration_minister(self):
        return self.filter(role=OfficeHolder.Role.FEDERAL_IMMIGRATION_MINISTER).first()

    def for_province(self, code):
        return self.filter(province=(code or "").upper()).order_by("role")

    def incomplete(self):
        return self.filter(models.Q(name="") | models.Q(email="") | models.Q(mailing_address=""))


class OfficeHolder(Provenance):
    """A person reached by their office, not by address: the Minister, premiers, ministers."""

    class Role(models.TextChoices):
        FEDERAL_IMMIGRATION_MINISTER = (
            "federal_immigration_minister",
            _("Federal Minister of Immigration, Refugees and Citizenship"),
        )
        PREMIER = "premier", _("Premier")
        PROVINCIAL_IMMIGRATION_MINISTER = (
            "provincial_immigration_minister",
            _("Provincial minister responsible for immigration"),
        )

    role = models.CharField(_("role"), max_length=40, choices=Role)
    province = models.CharField(
        _("province or territory"),
        max_length=2,
        choices=PROVINCES,
        blank=True,
        help_text=_("Empty for a federal role."),
    )
    title_fr = models.CharField(_("title (French)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    name = models.CharField(
        _("name"), max_length=200, blank=True, help_text=_("Leave empty when not known.")
    )
    gender = models.CharField(_("form of address"), max_length=1, choices=Gender, blank=True)
    email = models.EmailField(_("email"), blank=True)
    mailing_address = models.TextField(_("mailing address"), blank=True)
    representative = models.ForeignKey(
        Representative,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offices_held",
        verbose_name=_("also the representative"),
    )

    title = Bilingual()

    objects = OfficeHolderQuerySet.as_manager()

    class Meta:
        ordering = ["province", "role"]
        constraints = [
            models.UniqueConstraint(fields=["role", "province"], name="unique_office_per_province"),
        ]
        verbose_name = _("office holder")
        verbose_name_plural = _("office holders")

    def __str__(self):
        return f"{self.title} ({self.name})" if self.name else str(self.title)

    def missing_fields(self):
        wanted = {"name": _("name"), "email": _("email"), "mailing_address": _("mailing address")}
        return [label for field, label in wanted.items() if not getattr(self, field)]

    def needs_completion(self):
        return bool(self.missing_fields())


class PostalArea(Provenance):
    """A forward sortation area: the first three characters of a postal code."""

    fsa = models.CharField(_("forward sortation area"), max_length=3, unique=True)
    province = models.CharField(_("province or territory"), max_length=2, choices=PROVINCES)
    place_name = models.CharField(_("place"), max_length=200, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    candidate_districts = models.ManyToManyField(
        District,
        through="PostalAreaHint",
        related_name="postal_area_hints",
        verbose_name=_("candidate districts"),
    )

    class Meta:
        ordering = ["fsa"]
        verbose_name = _("postal area")
        verbose_name_plural = _("postal areas")

    def __str__(self):
        return self.fsa


class PostalAreaHint(models.Model):
    """A district that probably serves part of a postal area: a suggestion, never an answer."""

    postal_area = models.ForeignKey(PostalArea, on_delete=models.CASCADE, related_name="hints")
    district = models.ForeignKey(District, on_delete=models.CASCADE, related_name="hints")
    confidence = models.FloatField(_("confidence"), default=0.5)
    source = models.CharField(_("source"), max_length=200)
    as_of = models.DateField(_("data as of"))

    class Meta:
        ordering = ["-confidence"]
        constraints = [
            models.UniqueConstraint(fields=["postal_area", "district"], name="unique_fsa_hint"),
        ]
        verbose_name = _("postal area hint")
        verbose_name_plural = _("postal area hints")

    def __str__(self):
        return f"{self.postal_area_id} → {self.district}"


class PostalCode(models.Model):
    """A full postal code known to lie in a district: the exact local table."""

    code = models.CharField(_("postal code"), max_length=6)
    level = models.CharField(_("level"), max_length=10, choices=District.Level)
    district = models.ForeignKey(
        District, on_delete=models.CASCADE, related_name="postal_codes", verbose_name=_("district")
    )
    source = models.CharField(_("source"), max_length=200)
    as_of = models.DateField(_("data as of"))

    class Meta:
        ordering = ["code", "level"]
        constraints = [
            models.UniqueConstraint(fields=["code", "level"], name="unique_postal_code_level"),
        ]
        verbose_name = _("postal code")
        verbose_name_plural = _("postal codes")

    def __str__(self):
        return f"{self.code} → {self.district}"

    def save(self, *args, **kwargs):
        self.level = self.district.level
        super().save(*args, **kwargs)


class CachedAnswer(models.Model):
    """What the Represent API answered for a postal code, so we ask it once."""

    postal_code = models.CharField(_("postal code"), max_length=6, unique=True)
    districts = models.ManyToManyField(District, related_name="+", blank=True)
    fetched_at = models.DateTimeField(_("fetched"), default=timezone.now)
    city = models.CharField(_("city"), max_length=200, blank=True)
    province = models.CharField(_("province or territory"), max_length=2, blank=True)

    class Meta:
        ordering = ["-fetched_at"]
        verbose_name = _("cached online answer")
        verbose_name_plural = _("cached online answers")

    def __str__(self):
        return self.postal_code


class RateWindow(models.Model):
    """Requests made to a rate-limited service in one minute, shared by every process."""

    service = models.CharField(max_length=50)
    minute = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["service", "minute"], name="unique_rate_window"),
        ]

    def __str__(self):
        return f"{self.service} {self.minute:%H:%M}: {self.count}"


class CampaignTargetQuerySet(models.QuerySet):
    def fixed(self):
        return self.filter(kind=CampaignTarget.Kind.FIXED)

    def looked_up(self):
        return self.exclude(kind=CampaignTarget.Kind.FIXED)


class CampaignTarget(models.Model):
    """Who a campaign writes to: a named office holder, or whoever a lookup finds."""

    class Kind(models.TextChoices):
        FIXED = "fixed", _("A named office holder")
        MP = "mp", _("The person's MP (looked up)")
        PROVINCIAL = "provincial", _("A provincial role in the person's province (looked up)")

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="targets",
        verbose_name=_("campaign"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind)
    office_holder = models.ForeignKey(
        OfficeHolder,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="campaign_targets",
        verbose_name=_("office holder"),
        help_text=_("For a fixed target."),
    )
    role = models.CharField(
        _("provincial role"),
        max_length=40,
        choices=OfficeHolder.Role,
        blank=True,
        help_text=_("For a provincial target: which office in the person's province."),
    )

    objects = CampaignTargetQuerySet.as_manager()

    class Meta:
        ordering = ["campaign", "kind", "id"]
        verbose_name = _("campaign target")
        verbose_name_plural = _("campaign targets")

    def __str__(self):
        if self.office_holder:
            return str(self.office_holder)
        if self.kind == self.Kind.PROVINCIAL:
            return str(self.get_role_display())
        return str(self.get_kind_display())

    def resolve(self, district=None, province=""):
        """The people this target means for one person: their MP, their province's office."""
        if self.kind == self.Kind.FIXED:
            return [self.office_holder] if self.office_holder else []
        if self.kind == self.Kind.MP:
            person = district.current_representative() if district else None
            return [person] if person else []
        holder = OfficeHolder.objects.filter(role=self.role, province=province).first()
        return [holder] if holder else []


def optional_link(model, related_name, verbose_name):
    """A link from an action (letter, call, meeting, report) to the person or riding it targets.

    Optional, and kept when the record goes: the action still counts after an MP retires.
    """
    return models.ForeignKey(
        f"representatives.{model}",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
    )
