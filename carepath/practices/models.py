"""The practice library: good practices documented with the European Social Network's form (seed 000),
assessed on WIT's eight criteria (seed 004), and named by the steps and plans that apply them, so
that a practice shows the outcomes it produced (`practices.outcomes`).

A practice is an organisation's description of its work, not personal data: it names no citizen.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from carepath.core.concurrency import Versioned
from carepath.practices.choices import COUNTRIES, Criterion, Principle, Score, Status, Theme
from carepath.practices.validators import validate_links, validate_summary, validate_words

# The ESN form's fields in the form's order: what a person fills in (themes and principles are rows of their own).
ESN_FIELDS = (
    "title",
    "organisations",
    "country",
    "contact",
    "themes",
    "theme_other",
    "principles",
    "status",
    "status_other",
    "summary",
    "context",
    "objective_1",
    "objective_2",
    "objective_3",
    "activities",
    "outcomes",
    "evaluation",
    "links",
    "comments_and_tips",
    "language",
)
TEXT_FIELDS = tuple(name for name in ESN_FIELDS if name not in ("themes", "principles"))


class Practice(Versioned):
    """One good practice, field for field as on the ESN form."""

    title = models.CharField(_("title of the practice"), max_length=200)
    organisations = models.CharField(
        _("organisation(s)"), max_length=300, help_text=_("The organisations that run the practice, as they are named")
    )
    owner = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("documented by"),
        on_delete=models.PROTECT,
        related_name="practices",
        help_text=_("The organisation in Carepath that keeps this description up to date"),
    )
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES)
    contact = models.CharField(_("contact"), max_length=200, help_text=_("An e-mail address or telephone number"))
    theme_other = models.CharField(_("other theme, please specify"), max_length=200, blank=True)
    status = models.CharField(_("current status of the practice"), max_length=20, choices=Status.choices)
    status_other = models.CharField(_("other status, please specify"), max_length=200, blank=True)
    summary = models.TextField(
        _("summary"),
        max_length=1000,
        validators=[validate_summary],
        help_text=_("The practice in at most three sentences."),
    )
    context = models.TextField(
        _("context and social issues addressed"), help_text=_("The problem the practice attempts to solve.")
    )
    objective_1 = models.CharField(_("first objective"), max_length=500)
    objective_2 = models.CharField(_("second objective"), max_length=500, blank=True)
    objective_3 = models.CharField(_("third objective"), max_length=500, blank=True)
    activities = models.TextField(
        _("activities"),
        validators=[validate_words],
        help_text=_("The activities put in place to achieve the objectives, in at most 300 words."),
    )
    outcomes = models.TextField(_("outcomes"), help_text=_("What the results were or are so far."))
    evaluation = models.TextField(_("how the outcomes were evaluated"))
    links = models.TextField(
        _("links to supporting documents"),
        blank=True,
        validators=[validate_links],
        help_text=_("A website or report of the practice; one address per line."),
    )
    comments_and_tips = models.TextField(
        _("comments and tips"), blank=True, help_text=_("For people willing to use the practice.")
    )
    language = models.CharField(
        _("language of the texts"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Kept by `practices.search`: the texts folded for full-text search, and on PostgreSQL their
    # tsvector (unused on SQLite, where an FTS5 table holds the index).
    search_text = models.TextField(_("text for search"), editable=False, blank=True, default="")
    search_vector = SearchVectorField(_("search vector"), null=True, editable=False)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("practice")

    def __str__(self) -> str:
        return self.title

    @property
    def objectives(self) -> list[str]:
        return [o for o in (self.objective_1, self.objective_2, self.objective_3) if o]

    @property
    def link_list(self) -> list[str]:
        """The web addresses, one per line; only http(s), whatever reached the database (they become links)."""
        lines = (line.strip() for line in self.links.splitlines())
        return [line for line in lines if line.lower().startswith(("https://", "http://"))]


class PracticeTheme(models.Model):
    """A theme the practice is filed under ("choose at least one option")."""

    practice = models.ForeignKey(Practice, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="themes")
    theme = models.CharField(_("theme"), max_length=32, choices=Theme.choices)

    class Meta:
        ordering = ["pk"]
        unique_together = [("practice", "theme")]
        indexes = [models.Index(fields=["theme", "practice"])]
        verbose_name = _("theme of a practice")

    def __str__(self) -> str:
        return self.get_theme_display()


class PracticePrinciple(models.Model):
    """A principle of the European Pillar of Social Rights the practice serves."""

    practice = models.ForeignKey(
        Practice, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="principles"
    )
    principle = models.PositiveSmallIntegerField(_("principle"), choices=Principle.choices)

    class Meta:
        ordering = ["principle"]
        unique_together = [("practice", "principle")]
        indexes = [models.Index(fields=["principle", "practice"])]
        verbose_name = _("principle of a practice")

    def __str__(self) -> str:
        return self.get_principle_display()


class Assessment(models.Model):
    """One reviewer's assessment of a practice on WIT's eight criteria; each reviewer keeps one."""

    practice = models.ForeignKey(
        Practice, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="assessments"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), on_delete=models.PROTECT, related_name="+"
    )
    assessed_on = models.DateField(_("date"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["assessed_on", "pk"]
        unique_together = [("practice", "reviewer")]
        verbose_name = _("assessment")

    def __str__(self) -> str:
        return f"{self.practice} ({self.assessed_on})"


class CriterionScore(models.Model):
    """The score and comment a reviewer gave on one criterion."""

    assessment = models.ForeignKey(
        Assessment, verbose_name=_("assessment"), on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.PositiveSmallIntegerField(_("criterion"), choices=Criterion.choices)
    score = models.PositiveSmallIntegerField(_("score"), choices=Score.choices)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["criterion"]
        unique_together = [("assessment", "criterion")]
        verbose_name = _("score on a criterion")

    def __str__(self) -> str:
        return f"{self.get_criterion_display()}: {self.score}"


class PracticeEmbedding(models.Model):
    """The practice's texts as a vector of the local sentence-embedding model, for "similar
    practices" (`practices.similar`). Rebuilt when the texts or the model change."""

    practice = models.OneToOneField(
        Practice, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="embedding"
    )
    model_name = models.CharField(_("model"), max_length=100)
    text_hash = models.CharField(_("hash of the texts"), max_length=64)
    vector = models.BinaryField(_("vector"))

    class Meta:
        verbose_name = _("practice embedding")

    def __str__(self) -> str:
        return f"{self.practice_id}: {self.model_name}"
