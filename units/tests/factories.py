"""Factories for the organisation."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core.roles import Role
from units.models import Official, Position, Unit

TEST_PASSWORD = "matkhau-thu-nghiem"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted: list[Role] | None, **kwargs):
        if create and extracted:
            self.groups.add(*(Group.objects.get_or_create(name=role.group_name)[0] for role in extracted))
            if Role.ADMIN in extracted:
                self.is_staff = True
        if create:
            self.save()


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"DV{n}")
    name = factory.LazyAttribute(lambda o: f"Phòng {o.code}")
    short_name = factory.LazyAttribute(lambda o: o.code)
    kind = Unit.Kind.DEPARTMENT


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position
        django_get_or_create = ["name"]

    name = "Công chức"


class OfficialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Official

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")
    sex = Official.Sex.MALE
    birth_date = factory.Faker("date_between", start_date="-60y", end_date="-20y")
    position = factory.SubFactory(PositionFactory)
    unit = factory.SubFactory(UnitFactory)
