"""`{% url %}` without Django's resolver on every link: the URL of a view is split once into its fixed
parts, and a link with whole-number arguments is those parts joined around the numbers.

Django's `reverse` checks every candidate pattern with a regular expression and quotes the result:
about 20 microseconds a link, and the case page has a hundred links (one per step to change it, add
a picture, save its status...). Issue 6, docs/performance.md. The template tag is Django's own, with
the same syntax and errors; only its rendering takes the shortcut, and only where the result is
provably the same:

- every argument is a non-negative `int` (an id): its text is its digits, which need no quoting and
  which every number converter (`int`, `str`, `slug`, `path`) accepts;
- no keyword arguments;
- the view's split was checked when it was made: two different sets of numbers reversed by Django
  gave the same fixed parts, and a small number gave what joining gives. A view whose URL does not
  split so (a UUID converter, two patterns of one name that take different numbers) is marked and
  always goes through `reverse`.

The splits are kept per view name, namespace, URLconf and script prefix: a few hundred entries.
"""

from typing import Any

from django import template
from django.template import defaulttags
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape

register = template.Library()

# Numbers no id reaches, different from each other and from any digits of a fixed part.
_MARKS = (
    (7_390_182_645_001, 7_390_182_645_002, 7_390_182_645_003, 7_390_182_645_004),
    (8_461_293_756_011, 8_461_293_756_012, 8_461_293_756_013, 8_461_293_756_014),
)
_NOT_SPLITTABLE: tuple[str, ...] = ("not splittable",)  # compared by identity
_splits: dict[tuple[Any, ...], tuple[str, ...]] = {}


def _split(url: str, marks: tuple[int, ...]) -> tuple[str, ...] | None:
    parts: list[str] = []
    rest = url
    for mark in marks:
        before, found, rest = rest.partition(str(mark))
        if not found or str(mark) in rest:
            return None
        parts.append(before)
    return (*parts, rest)


def _make_split(view_name: str, count: int, current_app: str | None) -> tuple[str, ...]:
    """The fixed parts of the view's URL around `count` numbers, or _NOT_SPLITTABLE."""
    try:
        first, second = (
            _split(reverse(view_name, args=marks[:count], current_app=current_app), marks[:count])
            for marks in _MARKS
        )
        small = reverse(view_name, args=list(range(1, count + 1)), current_app=current_app)
    except NoReverseMatch:
        return _NOT_SPLITTABLE
    if first is None or first != second or _join(first, range(1, count + 1)) != small:
        return _NOT_SPLITTABLE
    return first


def _join(parts: tuple[str, ...], numbers: Any) -> str:
    out = [parts[0]]
    for number, part in zip(numbers, parts[1:], strict=True):
        out += (str(number), part)
    return "".join(out)


def reverse_ids(view_name: str, ids: list[Any], current_app: str | None = None) -> str:
    """`reverse(view_name, args=ids)`, from the view's split when there are ids and each is a non-negative int."""
    if not 0 < len(ids) <= len(_MARKS[0]) or not all(type(i) is int and i >= 0 for i in ids):
        return reverse(view_name, args=ids, current_app=current_app)
    key = (view_name, len(ids), current_app, get_urlconf(), get_script_prefix())
    parts = _splits.get(key)
    if parts is None:
        parts = _splits[key] = _make_split(view_name, len(ids), current_app)
    if parts is _NOT_SPLITTABLE:
        return reverse(view_name, args=ids, current_app=current_app)
    return _join(parts, ids)


class IdURLNode(defaulttags.URLNode):
    def render(self, context: template.Context) -> str:
        if self.kwargs:
            return super().render(context)
        args = [arg.resolve(context) for arg in self.args]
        view_name = self.view_name.resolve(context)
        request = getattr(context, "request", None)
        current_app = getattr(request, "current_app", None)
        if current_app is None:
            current_app = getattr(getattr(request, "resolver_match", None), "namespace", None)
        try:
            url = reverse_ids(view_name, args, current_app=current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
            url = ""
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser: template.base.Parser, token: template.base.Token) -> IdURLNode:
    node = defaulttags.url(parser, token)
    node.__class__ = IdURLNode
    return node  # type: ignore[return-value]
