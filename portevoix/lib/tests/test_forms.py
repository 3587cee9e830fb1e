"""Our forms copy their class's fields lightly for each form, and stay independent."""

import importlib
import inspect

import pytest
from django import forms
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile

from portevoix.campaigns.models import Campaign
from portevoix.lib.forms import FieldsCopiedLightly, FieldsShared, Form

COLOURS = [("", "Choose"), ("red", "Red"), ("blue", "Blue")]


class PaintForm(Form):
    name = forms.CharField(max_length=20, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    colour = forms.ChoiceField(choices=COLOURS)
    shades = forms.MultipleChoiceField(choices=COLOURS[1:], required=False)
    when = forms.SplitDateTimeField(required=False)


class CampaignPickForm(Form):
    campaign = forms.ModelChoiceField(queryset=Campaign.objects.all())


def test_each_form_has_its_own_fields_and_widgets():
    first, second = PaintForm(), PaintForm()
    for name in PaintForm.base_fields:
        assert first.fields[name] is not second.fields[name]
        assert first.fields[name] is not PaintForm.base_fields[name]
        assert first.fields[name].widget is not second.fields[name].widget


def test_changing_one_forms_fields_leaves_the_others_alone():
    changed = PaintForm()
    changed.fields["name"].label = "Your organization"
    changed.fields["name"].required = False
    changed.fields["name"].widget.attrs["maxlength"] = 5
    changed.fields["name"].error_messages["required"] = "Changed"
    changed.fields["name"].validators.append(lambda value: None)
    changed.fields["colour"].choices = [("green", "Green")]

    untouched = PaintForm()
    assert untouched.fields["name"].label is None
    assert untouched.fields["name"].required is True
    assert untouched.fields["name"].widget.attrs == {"autocomplete": "name", "maxlength": "20"}
    assert untouched.fields["name"].error_messages["required"] != "Changed"
    assert len(untouched.fields["name"].validators) == len(PaintForm.base_fields["name"].validators)
    assert untouched.fields["colour"].choices == COLOURS
    assert untouched.fields["colour"].widget.choices == COLOURS
    assert changed.fields["colour"].widget.choices == [("green", "Green")]


def test_choice_lists_are_shared_rather_than_copied():
    # The point of the light copy: the choices, which no form changes in place.
    first, second = PaintForm(), PaintForm()
    assert first.fields["colour"].choices is second.fields["colour"].choices


def test_fields_that_copy_more_are_copied_the_django_way():
    # A multi-value field's own fields and a model choice field's queryset are per form.
    first, second = PaintForm(), PaintForm()
    assert first.fields["when"].fields[0] is not second.fields["when"].fields[0]
    assert first.fields["when"].widget.widgets[0] is not second.fields["when"].widget.widgets[0]
    pick_one, pick_two = CampaignPickForm(), CampaignPickForm()
    assert pick_one.fields["campaign"].queryset is not pick_two.fields["campaign"].queryset


def test_validation_is_unchanged():
    valid = PaintForm({"name": "Anna", "colour": "blue", "shades": ["red"]})
    assert valid.is_valid(), valid.errors
    assert valid.cleaned_data["colour"] == "blue"

    invalid = PaintForm({"name": "x" * 21, "colour": "green", "shades": ["green"]})
    assert not invalid.is_valid()
    assert set(invalid.errors) == {"name", "colour", "shades"}


def our_form_classes():
    modules = [f"{app.name}.forms" for app in apps.get_app_configs()]
    form_classes = []
    for module_name in modules:
        if not module_name.startswith("portevoix."):
            continue
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue
        form_classes += [
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, forms.BaseForm)
            and value.__module__ == module_name
            and not any(base.__module__.startswith("django.contrib") for base in value.__mro__)
        ]
    return form_classes


def test_every_form_of_ours_copies_its_fields_lightly_or_shares_them():
    # Admin forms, and forms built on one of Django's own (the staff sign-in), copy the
    # Django way; every other form uses the light copy, or shares its fields.
    form_classes = our_form_classes()
    assert len(form_classes) > 15
    heavy = [
        cls.__name__
        for cls in form_classes
        if not isinstance(cls.base_fields, FieldsCopiedLightly | FieldsShared)
    ]
    assert heavy == []


def test_the_forms_that_share_their_fields_never_touch_them():
    sharing = [cls for cls in our_form_classes() if isinstance(cls.base_fields, FieldsShared)]
    assert {cls.__name__ for cls in sharing} == {"EndorsementForm", "SendForm"}
    for cls in sharing:
        for klass in cls.__mro__:
            # Our base form (portevoix.lib.forms) only reads them as it cleans.
            if (
                klass.__module__.startswith("portevoix.")
                and klass.__module__ != "portevoix.lib.forms"
            ):
                assert "self.fields" not in inspect.getsource(klass), klass


class SharedPaintForm(Form):
    fields_never_change = True

    name = forms.CharField(max_length=20)
    colour = forms.ChoiceField(choices=COLOURS)


class SharedPaintFormChanged(SharedPaintForm):
    """A subclass may change its fields: it copies them unless it says otherwise."""


def test_a_form_that_shares_its_fields_gets_its_classs_read_only():
    first, second = SharedPaintForm({"name": "Anna", "colour": "red"}), SharedPaintForm({})
    assert first.fields["name"] is second.fields["name"] is SharedPaintForm.base_fields["name"]
    with pytest.raises(TypeError):
        first.fields["extra"] = forms.CharField()
    with pytest.raises(TypeError):
        del first.fields["name"]
    # Validating and rendering one form leaves the other's fields as they were.
    assert first.is_valid()
    assert not second.is_valid()
    assert "required" in str(second)
    assert second.has_error("name", "required")
    assert isinstance(SharedPaintFormChanged.base_fields, FieldsCopiedLightly)


def test_a_form_still_renders():
    html = str(PaintForm({"colour": "red"}))
    assert '<option value="red" selected>Red</option>' in html
    assert 'autocomplete="name"' in html


class DjangoPaintForm(forms.Form):
    """The same fields as PaintForm, cleaned Django's own way (a BoundField per field)."""

    name = forms.CharField(max_length=20)
    colour = forms.ChoiceField(choices=COLOURS)
    shades = forms.MultipleChoiceField(choices=COLOURS[1:], required=False)
    when = forms.SplitDateTimeField(required=False)


class PrefixedUploadForm(Form):
    title = forms.CharField(disabled=True, initial="Fixed title")
    attachment = forms.FileField(required=False)
    note = forms.CharField(required=False)

    def clean_note(self):
        if self.cleaned_data["note"] == "refuse":
            raise forms.ValidationError("Not that note.", code="refused")
        return self.cleaned_data["note"].upper()


def test_fields_are_cleaned_as_django_cleans_them():
    posts = [
        {"name": " Anna ", "colour": "blue", "shades": ["red", "blue"]},
        {"name": "x" * 21, "colour": "green", "shades": ["green"], "when_0": "2026-13-01"},
        {"colour": "red", "when_0": "2026-11-29", "when_1": "10:30"},
        {},
    ]
    for data in posts:
        ours, djangos = PaintForm(data), DjangoPaintForm(data)
        assert ours.is_valid() == djangos.is_valid()
        assert ours.cleaned_data == djangos.cleaned_data
        assert ours.errors.get_json_data() == djangos.errors.get_json_data()


def test_a_valid_post_makes_no_bound_field():
    form = PaintForm({"name": "Anna", "colour": "blue"})
    assert form.is_valid()
    assert form._bound_fields_cache == {}


def test_disabled_and_file_fields_are_still_read_through_a_bound_field():
    upload = SimpleUploadedFile("letter.txt", b"Dear Minister")
    form = PrefixedUploadForm(
        {"up-title": "Changed by the visitor", "up-note": "thanks"},
        {"up-attachment": upload},
        prefix="up",
    )
    assert form.is_valid(), form.errors
    # A disabled field keeps its initial value, whatever was posted.
    assert form.cleaned_data["title"] == "Fixed title"
    assert form.cleaned_data["attachment"] is upload
    assert form.cleaned_data["note"] == "THANKS"  # the form's clean_<name> ran
    assert set(form._bound_fields_cache) == {"title", "attachment"}


def test_a_field_cleaning_method_can_refuse():
    form = PrefixedUploadForm({"up-note": "refuse"}, prefix="up")
    assert not form.is_valid()
    assert form.errors["note"] == ["Not that note."]
    assert "note" not in form.cleaned_data
