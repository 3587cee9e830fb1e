"""Pieces every public form shares, and the base classes of every form of ours."""

import copy
from types import MappingProxyType

from django import forms
from django.forms.forms import DeclarativeFieldsMetaclass
from django.forms.models import ModelFormMetaclass
from django.utils.translation import gettext_lazy as _

# --- Forms made quickly for each request ------------------------------------------------------

# Fields and widgets whose copy for one form is Django's own: themselves, their widget, its
# attrs, their error messages and validators. Others (a model choice field's queryset, the
# fields of a multi-value field) copy more, and are copied Django's way.
PLAIN_FIELD_COPIES = {forms.Field.__deepcopy__, forms.ChoiceField.__deepcopy__}
PLAIN_WIDGET_COPIES = {forms.Widget.__deepcopy__, forms.widgets.ChoiceWidget.__deepcopy__}


class FieldsCopiedLightly(dict):
    """A form class's fields, copied for each form without deep-copying their choices.

    Each form gets its own copy of its class's fields, so that one form can change its fields
    (a label, `required`, new choices) without changing another's. Django makes that copy
    with `copy.deepcopy`, which walks every choice of every choice field: it was most of the
    cost of making the endorsement form, a sixth of the cost of a whole post. Here each form
    still gets its own fields, widgets, widget attrs, error messages and validators; only the
    choice lists are shared, and no form changes one in place (a form that needs other
    choices assigns a new list, which goes to its copy alone).
    """

    def __deepcopy__(self, memo):
        return {name: copy_for_one_form(field, memo) for name, field in self.items()}


def copy_for_one_form(field, memo):
    if not (
        type(field).__deepcopy__ in PLAIN_FIELD_COPIES
        and type(field.widget).__deepcopy__ in PLAIN_WIDGET_COPIES
    ):
        return copy.deepcopy(field, memo)
    copied = _shallow_copy(field)
    copied.widget = _shallow_copy(field.widget)
    copied.widget.attrs = field.widget.attrs.copy()
    copied.error_messages = field.error_messages.copy()
    copied.validators = field.validators[:]
    return copied


def _shallow_copy(thing):
    # What copy.copy does for these plain objects, without its generic (and slower) protocol.
    twin = object.__new__(type(thing))
    twin.__dict__.update(thing.__dict__)
    return twin


class FieldsShared(dict):
    """A form class's fields, given to each of its forms as they are, read-only.

    For the forms of a burst (the endorsement form, the letter's send step) whose fields no
    form ever changes: even a light copy was a tenth of the cost of an endorsement's post.
    Fields are only read as a form cleans and renders them (`Field.clean` and the widgets
    change nothing), so forms in several threads can share them. A form cannot add or remove
    one (the mapping is read-only), and a test checks that no such form touches `self.fields`.
    """

    def __deepcopy__(self, memo):
        return MappingProxyType(self)


class CopiesFieldsLightly(type):
    def __new__(mcs, name, bases, attrs):
        new_class = super().__new__(mcs, name, bases, attrs)
        shared = attrs.get("fields_never_change", False)
        new_class.base_fields = (FieldsShared if shared else FieldsCopiedLightly)(
            new_class.base_fields
        )
        return new_class


class FormMetaclass(CopiesFieldsLightly, DeclarativeFieldsMetaclass):
    pass


class ModelFormFieldsMetaclass(CopiesFieldsLightly, ModelFormMetaclass):
    pass


class Form(forms.Form, metaclass=FormMetaclass):
    """Django's form, whose fields are copied lightly for each form (`FieldsCopiedLightly`),
    or shared by all its forms when its class says `fields_never_change = True` in its own
    body (`FieldsShared`; a subclass, which may change them, copies them again unless it says
    so too)."""

    fields_never_change = False

    def _clean_fields(self):
        """Django's field cleaning, without making a BoundField per field on the way.

        Django 5 reads each field's value through a BoundField: making them all cost as much
        as cleaning the fields, on every post. A valid post never needs them; a form shown
        again with its errors makes them as it renders. Fields that read their value from a
        BoundField (disabled ones, file fields) still get one.
        """
        for name, field in self.fields.items():
            try:
                self.cleaned_data[name] = self._cleaned_value(name, field)
                clean_one = getattr(self, f"clean_{name}", None)
                if clean_one is not None:
                    self.cleaned_data[name] = clean_one()
            except forms.ValidationError as error:
                self.add_error(name, error)

    def _cleaned_value(self, name, field):
        if field.disabled or not cleans_data_alone(field):
            return field._clean_bound_field(self[name])
        return field.clean(self._widget_data_value(field.widget, self.add_prefix(name)))


def cleans_data_alone(field):
    """Whether the field's value is `field.clean(the widget's data)`, as for most fields."""
    return type(field)._clean_bound_field is forms.Field._clean_bound_field


class ModelForm(forms.ModelForm, metaclass=ModelFormFieldsMetaclass):
    """Django's model form, whose fields are copied lightly for each form."""


# --- Pieces ------------------------------------------------------------------------------------


def honeypot_field():
    # Hidden from people by CSS and from assistive technology; scripts fill it in.
    return forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


class HoneypotMixin:
    """A form with a `honeypot_field()` named `honeypot_name`: filled in only by scripts."""

    honeypot_name = "website"

    def is_from_a_script(self):
        return bool(self.cleaned_data.get(self.honeypot_name))


EMAIL_ERRORS = {
    "required": _("Please enter your email address."),
    "invalid": _("This email address does not look right. Please check it."),
}


YOUR_EMAIL = _("Your email address")
ORGANIZATION_OPTIONAL = _("Organization (optional)")


def email_field(label=YOUR_EMAIL, help_text="", required=True):
    """An email address the browser can fill in, with the same plain errors everywhere."""
    return forms.EmailField(
        label=label,
        help_text=help_text,
        required=required,
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def organization_field(label=ORGANIZATION_OPTIONAL, max_length=200):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
